export default definePageConfig({
  navigationBarTitleText: '参考情况',
});
