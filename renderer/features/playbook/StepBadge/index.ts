export { StepBadge, stepBadge } from './StepBadge';
