export default definePageConfig({
  navigationBarTitleText: '包联走访',
});
