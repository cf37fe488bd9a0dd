export { computeSlots, type Slot } from './compute-slots.js';
export { scenarioSchema, type SlotScenario } from './scenario-schema.js';
