export default definePageConfig({
  navigationBarTitleText: '信箱规则',
});
