export default definePageConfig({
  navigationBarTitleText: '编辑评议方案',
});
