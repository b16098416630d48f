export { NextStepCard } from './NextStepCard';
