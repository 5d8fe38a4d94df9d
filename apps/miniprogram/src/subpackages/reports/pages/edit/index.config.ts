export default definePageConfig({
  navigationBarTitleText: '填写日报',
});
