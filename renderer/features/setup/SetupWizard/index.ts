export { SetupWizard } from './SetupWizard';
