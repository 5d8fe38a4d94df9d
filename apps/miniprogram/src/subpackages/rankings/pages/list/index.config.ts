export default definePageConfig({ navigationBarTitleText: '季度排名', enablePullDownRefresh: true });
