/** EC2 Auto Scaling: fleets of instances from a launch template. */
export { Group, type GroupArgs } from "./group.js";
