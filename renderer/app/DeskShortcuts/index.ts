export { DeskShortcuts, listQueryOf } from './DeskShortcuts';
