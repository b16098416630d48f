export { UserEditor } from './UserEditor';
