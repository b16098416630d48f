export { CorrectContactDialog } from './CorrectContactDialog';
