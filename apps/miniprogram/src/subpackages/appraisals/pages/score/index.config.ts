export default definePageConfig({
  navigationBarTitleText: '评议打分',
});
