export default definePageConfig({
  navigationBarTitleText: '免报管理',
});
