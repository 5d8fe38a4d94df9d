export default definePageConfig({
  navigationBarTitleText: '发起观摩',
});
