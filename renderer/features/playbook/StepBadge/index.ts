export { StepBadge } from './StepBadge';
