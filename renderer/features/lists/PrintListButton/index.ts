export { PrintListButton } from './PrintListButton';
