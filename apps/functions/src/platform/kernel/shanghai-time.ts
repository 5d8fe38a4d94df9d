// Shanghai-day arithmetic lives in the shared contract, so the API and the mini-program count days alike.
export { addDays, daysBetween, daysOfMonth, monthOf, quarterOf, shanghaiDay, shanghaiInstant, shanghaiTime } from '@chuangxing/shared';
