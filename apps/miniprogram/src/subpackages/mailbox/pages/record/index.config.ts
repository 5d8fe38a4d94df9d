export default definePageConfig({
  navigationBarTitleText: '代录来信',
  // The weapp shares the 查询码 slip with the resident (a link that opens 我的信件 with the code looked up).
  enableShareAppMessage: true,
});
