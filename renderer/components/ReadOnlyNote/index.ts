export { ReadOnlyNote, type ReadOnlyReason } from './ReadOnlyNote';
