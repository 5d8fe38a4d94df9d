export default definePageConfig({
  navigationBarTitleText: '安排测试',
});
