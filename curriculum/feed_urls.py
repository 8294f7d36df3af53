from portal.feeds import feed_urlpatterns

from .feeds import NewModulesFeed

urlpatterns = feed_urlpatterns("modules", NewModulesFeed)
