export default definePageConfig({
  navigationBarTitleText: '身份管理',
});
