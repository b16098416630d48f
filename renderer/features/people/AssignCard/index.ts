export { AssignCard } from './AssignCard';
