// The names of a project's local files, apart from the workspace code so that
// reading them early (before the command line has loaded) loads nothing else.

/** The folder under a project where Cairn keeps its local files. */
export const CAIRN_DIR = ".cairn";

/** The file under `.cairn/` that records the selected stack. */
export const WORKSPACE_FILE = "workspace.json";
