/** EventBridge Scheduler: schedules and schedule groups. */
export { Schedule, type ScheduleArgs, type ScheduleTargetArgs } from "./schedule.js";
export { ScheduleGroup, type ScheduleGroupArgs } from "./schedule-group.js";
