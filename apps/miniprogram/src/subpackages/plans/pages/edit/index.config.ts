export default definePageConfig({
  navigationBarTitleText: '创星计划',
});
