export { NextStepCard } from './NextStepCard';
export { NextStepSlot } from './LeadSlot';
