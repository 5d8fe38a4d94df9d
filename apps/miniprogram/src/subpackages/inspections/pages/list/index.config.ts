export default definePageConfig({
  navigationBarTitleText: '四不两直',
});
