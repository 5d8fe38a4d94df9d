export default definePageConfig({
  navigationBarTitleText: '创星动态',
});
