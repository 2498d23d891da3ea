"""HTML and text cleaning (BeautifulSoup + lxml): RawDocument to CleanArticle."""
