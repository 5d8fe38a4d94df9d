export default definePageConfig({
  navigationBarTitleText: '我的日报日历',
});
