// The calculator's state, its rules and its query-string form: the one door the page, the island and the tests use.
// Pure: the server page renders `defaultState`, the client island parses `location.search` with
// `parseCalculatorState` and writes `calculatorStateHref` back on every change.
export * from "./state-rules";
export * from "./custom-config";
export * from "./state-normalize";
export * from "./state-query";
