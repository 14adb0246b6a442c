// The package's entry: the generated client (src/kboss-client.ts, do not edit) and its hand-written base.
export * from "./kboss-client.js";
