export default definePageConfig({
  navigationBarTitleText: '输入评议码',
});
