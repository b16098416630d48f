export { HoverTooltip } from './HoverTooltip';
