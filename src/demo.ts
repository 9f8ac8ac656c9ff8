/**
 * crm-pulse/demo — `demoSource`, a simulated live CRM for demos, stories, prototypes and tests.
 * Its own entry so that pages which talk to a real CRM do not carry the simulation and its
 * catalog (KPIs, stages, campaigns, agents, forecast, records). Defines no elements.
 */
export { demoSource, type DemoSourceOptions } from './data/demo-source.js';
