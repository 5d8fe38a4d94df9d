export default definePageConfig({
  navigationBarTitleText: '包联分工',
});
