export { ContactAgainDialog } from './ContactAgainDialog';
