export { DueNowLink, NextStepCell, useNextSteps } from './NextStepColumn';
