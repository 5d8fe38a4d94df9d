export default definePageConfig({
  navigationBarTitleText: '督导记录',
});
