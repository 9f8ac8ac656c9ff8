/**
 * crm-pulse/testing — the kit for integrators who write a data-source adapter: a conformance suite
 * to run against it inside your own tests (mocha, jest, vitest, web-test-runner, node:test).
 * Defines no elements and needs no test framework.
 */
export { runSourceContract, assertSourceContract, type ContractReport, type ContractResult, type SourceContractOptions } from './source-contract.js';
export { frameShapeProblem } from './contract-watch.js';
export { ConnectionTracker } from './connection-tracker.js';
export type { SourceFault } from './resilience-checks.js';
