export default definePageConfig({
  navigationBarTitleText: '日报规则',
});
