export default definePageConfig({
  navigationBarTitleText: '创星标准',
});
