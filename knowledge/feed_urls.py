from portal.feeds import feed_urlpatterns

from .feeds import NewCaseStudiesFeed

urlpatterns = feed_urlpatterns("praktijkvoorbeelden", NewCaseStudiesFeed)
