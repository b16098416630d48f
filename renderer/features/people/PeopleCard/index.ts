export { PeopleCard } from './PeopleCard';
