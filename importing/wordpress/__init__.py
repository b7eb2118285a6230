"""
Importing a WordPress export (WXR): ``export`` reads the XML, ``body`` turns
post HTML into the story's Markdown, ``statuses``, ``authors`` and
``attachments`` say what a post, an author and an attachment become, and
``importer`` writes it all in one transaction (``import_wordpress``).
"""
