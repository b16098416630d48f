export { DueNowLink, nextStepCell, type NextStep, useNextSteps } from './NextStepColumn';
