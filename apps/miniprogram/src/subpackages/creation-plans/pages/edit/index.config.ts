export default definePageConfig({
  navigationBarTitleText: '创建规划',
});
