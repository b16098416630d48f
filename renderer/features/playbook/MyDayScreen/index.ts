export { MyDayScreen } from './MyDayScreen';
