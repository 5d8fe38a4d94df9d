export default definePageConfig({
  navigationBarTitleText: '述职评议',
});
