export default definePageConfig({
  navigationBarTitleText: '观摩评分',
});
